# exercise3-longley-singular-values.gp: draws exercise3-longley-singular-values.png.
# Written by the SVD Lab Plotting module. Change it and run it again with
#     gnuplot path/to/exercise3-longley-singular-values.gp
# from any directory: the images are written next to this script.

# ---- Data: one block per series; NaN marks a missing value ----
$series1 << EOD
1.0 1663668.2278894698
2.0 83899.57794622083
3.0 3407.197376095864
4.0 1582.6436810037956
5.0 41.693601097072765
6.0 3.648093794805589
7.0 0.00034237090621028405
EOD

$series2 << EOD
1.0 14.542705711805201
2.0 1.252995212299228
3.0 0.9336400552754999
4.0 0.38385463191211877
5.0 0.06901111893716916
6.0 0.015182421436208033
7.0 0.0003032623635818055
EOD

# gnuplot sets ARG0 to the path of the script it runs; the images go to the directory
# part of it (up to the last '/'). gnuplot has no dirname(), hence this small recursive
# function. Set outdir before running the script to write the images elsewhere.
last_slash(s, i) = i < 1 ? 0 : (s[i:i] eq '/' ? i : last_slash(s, i - 1))
if (!exists("outdir")) outdir = ARG0[1:last_slash(ARG0, strlen(ARG0))]

# ---- PNG ----
set terminal pngcairo size 800,500 enhanced font 'Sans,11'
set output outdir."exercise3-longley-singular-values.png"
reset
set title "Longley: singular values of the design matrix"
set xlabel "k"
set ylabel "σ_k"
set logscale y 10.0
set format y "10^{%L}"
set key top right
set grid
plot $series1 using 1:2 with linespoints lw 2.0 pt 7 ps 1 title "X, κ = 4.9·10^{9}", \
     $series2 using 1:2 with linespoints lw 2.0 pt 7 ps 1 title "X·D (columns scaled by 2^{-k}), κ = 4.8·10^{4}"
unset output
