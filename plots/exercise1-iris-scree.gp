# exercise1-iris-scree.gp: draws exercise1-iris-scree.png.
# Written by the SVD Lab Plotting module. Change it and run it again with
#     gnuplot path/to/exercise1-iris-scree.gp
# from any directory: the images are written next to this script.

# ---- Data: one block per series; NaN marks a missing value ----
$series1 << EOD
1 0.924618723201727
2 0.05306648311706786
3 0.017102609807929766
4 0.0052121838732753735
EOD

$series2 << EOD
1.0 0.924618723201727
2.0 0.9776852063187949
3.0 0.9947878161267246
4.0 1.0
EOD

# gnuplot sets ARG0 to the path of the script it runs; the images go to the directory
# part of it (up to the last '/'). gnuplot has no dirname(), hence this small recursive
# function. Set outdir before running the script to write the images elsewhere.
last_slash(s, i) = i < 1 ? 0 : (s[i:i] eq '/' ? i : last_slash(s, i - 1))
if (!exists("outdir")) outdir = ARG0[1:last_slash(ARG0, strlen(ARG0))]

# ---- PNG ----
set terminal pngcairo size 800,500 enhanced font 'Sans,11'
set output outdir.'exercise1-iris-scree.png'
reset
set title 'Scree: share of the variance σ_i^2/Σσ_j^2 per component'
set xlabel 'principal component'
set ylabel 'explained-variance ratio'
set key top right
set grid
set yrange [0.0:1.3]
set style fill solid 0.85 border -1
set boxwidth 0.8
set xtics ('PC1' 1, 'PC2' 2, 'PC3' 3, 'PC4' 4) nomirror
set xrange [0.5:4.5]
set label '92.5 %' at 1.0,0.924618723201727 center offset 0,0.8 front
set label '5.3 %' at 2.0,0.05306648311706786 center offset 0,0.8 front
set label '1.7 %' at 3.0,0.017102609807929766 center offset 0,0.8 front
set label '0.5 %' at 4.0,0.0052121838732753735 center offset 0,0.8 front
plot $series1 using 1:2 with boxes title 'ratio of component i', \
     $series2 using 1:2 with linespoints lw 2.0 pt 7 ps 1 title 'cumulative ratio'
unset output
