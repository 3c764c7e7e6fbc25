# exercise5-speedup-vs-rank.gp: draws exercise5-speedup-vs-rank.png.
# Written by the SVD Lab Plotting module. Change it and run it again with
#     gnuplot path/to/exercise5-speedup-vs-rank.gp
# from any directory: the images are written next to this script.

# ---- Data: one block per series; NaN marks a missing value ----
$series1 << EOD
10.0 102.4
50.0 20.48
100.0 10.24
200.0 5.12
EOD

$series2 << EOD
10.0 19.387198600318246
50.0 13.589503660284517
100.0 8.90222468909709
200.0 5.775360458346786
EOD

$series3 << EOD
10.0 103.55934620157905
50.0 24.163889984227126
100.0 11.50726925435495
200.0 5.889449017072647
EOD

# gnuplot sets ARG0 to the path of the script it runs; the images go to the directory
# part of it (up to the last '/'). gnuplot has no dirname(), hence this small recursive
# function. Set outdir before running the script to write the images elsewhere.
last_slash(s, i) = i < 1 ? 0 : (s[i:i] eq '/' ? i : last_slash(s, i - 1))
if (!exists("outdir")) outdir = ARG0[1:last_slash(ARG0, strlen(ARG0))]

# ---- PNG ----
set terminal pngcairo size 800,500 enhanced font 'Sans,11'
set output outdir.'exercise5-speedup-vs-rank.png'
reset
set title 'Speed-up of (xA)B over xW (Float32)'
set xlabel 'rank k'
set ylabel 'speed-up (×)'
set logscale y 10.0
set format y "10^{%L}"
set key top right
set grid
plot $series1 using 1:2 with lines lw 2.0 title 'parameter ratio mn / k(m+n)', \
     $series2 using 1:2 with linespoints lw 2.0 pt 7 ps 1 title 'batch of 32', \
     $series3 using 1:2 with linespoints lw 2.0 pt 7 ps 1 title 'one input'
unset output
