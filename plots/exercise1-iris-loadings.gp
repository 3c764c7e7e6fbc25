# exercise1-iris-loadings.gp: draws exercise1-iris-loadings.png.
# Written by the SVD Lab Plotting module. Change it and run it again with
#     gnuplot path/to/exercise1-iris-loadings.gp
# from any directory: the images are written next to this script.

# ---- Data: one block per series; NaN marks a missing value ----
$panel1_series1 << EOD
1 0.36138659178536847
2 -0.08452251406456877
3 0.8566706059498349
4 0.3582891971515506
EOD

$panel2_series1 << EOD
1 0.6565887712868417
2 0.7301614347850268
3 -0.1733726627958569
4 -0.07548101991746362
EOD

# gnuplot sets ARG0 to the path of the script it runs; the images go to the directory
# part of it (up to the last '/'). gnuplot has no dirname(), hence this small recursive
# function. Set outdir before running the script to write the images elsewhere.
last_slash(s, i) = i < 1 ? 0 : (s[i:i] eq '/' ? i : last_slash(s, i - 1))
if (!exists("outdir")) outdir = ARG0[1:last_slash(ARG0, strlen(ARG0))]

# ---- PNG ----
set terminal pngcairo size 960,500 enhanced font 'Sans,11'
set output outdir.'exercise1-iris-loadings.png'
set multiplot layout 1,2 rowsfirst title 'Principal directions: loadings of the variables' font ',13'
# Panel 1
reset
set title 'v_1 (PC1, 92.5 %)'
set ylabel 'loading'
unset key
set grid
set yrange [-1.05:1.05]
set style fill solid 0.85 border -1
set boxwidth 0.8
set xtics ('sepal\_length' 1, 'sepal\_width' 2, 'petal\_length' 3, 'petal\_width' 4) nomirror
set xrange [0.5:4.5]
plot $panel1_series1 using 1:2 with boxes notitle
# Panel 2
reset
set title 'v_2 (PC2, 5.3 %)'
set ylabel 'loading'
unset key
set grid
set yrange [-1.05:1.05]
set style fill solid 0.85 border -1
set boxwidth 0.8
set xtics ('sepal\_length' 1, 'sepal\_width' 2, 'petal\_length' 3, 'petal\_width' 4) nomirror
set xrange [0.5:4.5]
plot $panel2_series1 using 1:2 with boxes notitle
unset multiplot
unset output
