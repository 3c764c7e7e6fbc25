# exercise3-longley-residuals.gp: draws exercise3-longley-residuals.png.
# Written by the SVD Lab Plotting module. Change it and run it again with
#     gnuplot path/to/exercise3-longley-residuals.gp
# from any directory: the images are written next to this script.

# ---- Data: one block per series; NaN marks a missing value ----
$series1 << EOD
1.0 0.0
16.0 0.0
EOD

$series2 << EOD
1.0 267.3400297599275
2.0 -94.01394239863329
3.0 46.28716775773413
4.0 -410.1146219307021
5.0 309.7145907604371
6.0 -249.31121532951627
7.0 -164.0489563953964
8.0 -13.180356866162771
9.0 14.304772600257884
10.0 455.3940945520643
11.0 -17.26892711462379
12.0 -39.055042522486666
13.0 -155.5499735951117
14.0 -85.67130804191989
15.0 341.9315139609805
16.0 -206.7578251935305
EOD

# gnuplot sets ARG0 to the path of the script it runs; the images go to the directory
# part of it (up to the last '/'). gnuplot has no dirname(), hence this small recursive
# function. Set outdir before running the script to write the images elsewhere.
last_slash(s, i) = i < 1 ? 0 : (s[i:i] eq '/' ? i : last_slash(s, i - 1))
if (!exists("outdir")) outdir = ARG0[1:last_slash(ARG0, strlen(ARG0))]

# ---- PNG ----
set terminal pngcairo size 800,500 enhanced font 'Sans,11'
set output outdir.'exercise3-longley-residuals.png'
reset
set title 'Longley: residuals r = y − Xβ'
set xlabel 'observation'
set ylabel 'r'
unset key
set grid
plot $series1 using 1:2 with lines lw 1.0 lc rgb 'gray' notitle, \
     $series2 using 1:2 with points pt 7 ps 1 notitle
unset output
