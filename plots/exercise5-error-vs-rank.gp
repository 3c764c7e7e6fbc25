# exercise5-error-vs-rank.gp: draws exercise5-error-vs-rank.png.
# Written by the SVD Lab Plotting module. Change it and run it again with
#     gnuplot path/to/exercise5-error-vs-rank.gp
# from any directory: the images are written next to this script.

# ---- Data: one block per series; NaN marks a missing value ----
$series1 << EOD
10.0 0.24503571318894757
50.0 0.11892310842384761
100.0 0.08912152453837606
200.0 0.06758618593776847
EOD

$series2 << EOD
10.0 0.2722468620295919
50.0 0.13271918791338685
100.0 0.1010776647592013
200.0 0.07674045520552579
EOD

# gnuplot sets ARG0 to the path of the script it runs; the images go to the directory
# part of it (up to the last '/'). gnuplot has no dirname(), hence this small recursive
# function. Set outdir before running the script to write the images elsewhere.
last_slash(s, i) = i < 1 ? 0 : (s[i:i] eq '/' ? i : last_slash(s, i - 1))
if (!exists("outdir")) outdir = ARG0[1:last_slash(ARG0, strlen(ARG0))]

# ---- PNG ----
set terminal pngcairo size 800,500 enhanced font 'Sans,11'
set output outdir."exercise5-error-vs-rank.png"
reset
set title "Relative error of y = xW replaced by (xA)B (2048×2048)"
set xlabel "rank k"
set ylabel "relative error"
set logscale y 10.0
set format y "10^{%L}"
set key top right
set grid
plot $series1 using 1:2 with linespoints lw 2.0 pt 7 ps 1 title "‖W − AB‖_F / ‖W‖_F (expected for Gaussian x)", \
     $series2 using 1:2 with points pt 7 ps 1 title "measured on a batch of 32 inputs"
unset output
