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
10.0 49.657210130422875
50.0 34.59530373156128
100.0 20.528403822627507
200.0 6.564348152815078
EOD

$series3 << EOD
10.0 316.5152815978202
50.0 67.2264267346571
100.0 36.389786479497594
200.0 17.532779824207932
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
