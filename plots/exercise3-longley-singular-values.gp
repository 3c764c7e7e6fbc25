# exercise3-longley-singular-values.gp: draws exercise3-longley-singular-values.png.
# Written by the SVD Lab Plotting module. Change it and run it again with
#     gnuplot path/to/exercise3-longley-singular-values.gp
# from any directory: the images are written next to this script.

# ---- Data: one block per series; NaN marks a missing value ----
$series1 << EOD
1.0 1663668.2278894708
2.0 83899.57794622082
3.0 3407.197376095864
4.0 1582.643681003796
5.0 41.693601097073085
6.0 3.6480937948055563
7.0 0.0003423709062101719
EOD

$series2 << EOD
1.0 14.542705711805207
2.0 1.2529952122992285
3.0 0.9336400552754991
4.0 0.38385463191211877
5.0 0.06901111893716874
6.0 0.01518242143620819
7.0 0.000303262363581949
EOD

# gnuplot sets ARG0 to the path of the script it runs; the images go to the directory
# part of it (up to the last '/'). gnuplot has no dirname(), hence this small recursive
# function. Set outdir before running the script to write the images elsewhere.
last_slash(s, i) = i < 1 ? 0 : (s[i:i] eq '/' ? i : last_slash(s, i - 1))
if (!exists("outdir")) outdir = ARG0[1:last_slash(ARG0, strlen(ARG0))]

# ---- PNG ----
set terminal pngcairo size 800,500 enhanced font 'Sans,11'
set output outdir.'exercise3-longley-singular-values.png'
reset
set title 'Longley: singular values of the design matrix'
set xlabel 'i'
set ylabel 'σ_i'
set logscale y 10.0
set format y "10^{%L}"
set key top right
set grid
plot $series1 using 1:2 with linespoints lw 2.0 pt 7 ps 1 title 'X, κ = 4.9·10^{9}', \
     $series2 using 1:2 with linespoints lw 2.0 pt 7 ps 1 title 'X·D (column j times 2^{-e_j}), κ = 4.8·10^{4}'
unset output
