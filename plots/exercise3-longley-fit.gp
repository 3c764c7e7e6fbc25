# exercise3-longley-fit.gp: draws exercise3-longley-fit.png.
# Written by the SVD Lab Plotting module. Change it and run it again with
#     gnuplot path/to/exercise3-longley-fit.gp
# from any directory: the images are written next to this script.

# ---- Data: one block per series; NaN marks a missing value ----
$series1 << EOD
1.0 60323.0
2.0 61122.0
3.0 60171.0
4.0 61187.0
5.0 63221.0
6.0 63639.0
7.0 64989.0
8.0 63761.0
9.0 66019.0
10.0 67857.0
11.0 68169.0
12.0 66513.0
13.0 68655.0
14.0 69564.0
15.0 69331.0
16.0 70551.0
EOD

$series2 << EOD
1.0 60055.65997024007
2.0 61216.01394239863
3.0 60124.712832242265
4.0 61597.114621930705
5.0 62911.285409239565
6.0 63888.311215329515
7.0 65153.048956395396
8.0 63774.18035686616
9.0 66004.69522739974
10.0 67401.60590544794
11.0 68186.26892711462
12.0 66552.0550425225
13.0 68810.54997359512
14.0 69649.67130804191
15.0 68989.06848603902
16.0 70757.75782519353
EOD

# gnuplot sets ARG0 to the path of the script it runs; the images go to the directory
# part of it (up to the last '/'). gnuplot has no dirname(), hence this small recursive
# function. Set outdir before running the script to write the images elsewhere.
last_slash(s, i) = i < 1 ? 0 : (s[i:i] eq '/' ? i : last_slash(s, i - 1))
if (!exists("outdir")) outdir = ARG0[1:last_slash(ARG0, strlen(ARG0))]

# ---- PNG ----
set terminal pngcairo size 800,500 enhanced font 'Sans,11'
set output outdir.'exercise3-longley-fit.png'
reset
set title 'Longley: observed and fitted y'
set xlabel 'observation'
set ylabel 'y'
set key top left
set grid
plot $series1 using 1:2 with points pt 7 ps 1 title 'observed', \
     $series2 using 1:2 with linespoints lw 2.0 pt 7 ps 1 title 'fitted'
unset output
