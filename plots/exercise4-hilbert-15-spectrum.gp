# exercise4-hilbert-15-spectrum.gp: draws exercise4-hilbert-15-spectrum.png.
# Written by the SVD Lab Plotting module. Change it and run it again with
#     gnuplot path/to/exercise4-hilbert-15-spectrum.gp
# from any directory: the images are written next to this script.

# ---- Data: one block per series; NaN marks a missing value ----
$series1 << EOD
1.0 1.8459277153015137
2.0 0.4266279935836792
3.0 0.05721210315823555
4.0 0.0056398422457277775
5.0 0.00043646906851790845
6.0 2.7108557333122008e-05
7.0 1.3595897598861484e-06
8.0 5.573559036520237e-08
9.0 9.10472852666544e-09
10.0 6.9675460956375446e-09
11.0 5.524498192244209e-09
12.0 4.135425335505261e-09
13.0 2.247674713018455e-09
14.0 1.6845381756169786e-09
15.0 4.2428285884632544e-10
EOD

$series2 << EOD
1.0 1.8459277461534878
2.0 0.4266279570069766
3.0 0.05721209253338414
4.0 0.0056398347557891845
5.0 0.00043647659441776185
6.0 2.7108539228196537e-05
7.0 1.3615822420069999e-06
8.0 5.528988481555331e-08
9.0 1.802959750226774e-09
10.0 4.657786723457715e-11
11.0 9.32163213702495e-13
12.0 1.395133878221697e-14
13.0 1.468006226851198e-16
14.0 1.1713758112417504e-17
15.0 6.570327869806298e-18
EOD

$series3 << EOD
1.0 1.845927746153488
2.0 0.4266279570069765
3.0 0.05721209253338412
4.0 0.005639834755789176
5.0 0.00043647659441777193
6.0 2.7108539228187447e-05
7.0 1.3615822420033722e-06
8.0 5.528988481725986e-08
9.0 1.8029597512371248e-09
10.0 4.657786546532342e-11
11.0 9.321608034707935e-13
12.0 1.394061857228993e-14
13.0 1.4666093035664158e-16
14.0 9.705469585056407e-19
15.0 1.6569712343902774e-22
EOD

$series4 << EOD
1.0 1.8459277461534884
2.0 0.4266279570069765
3.0 0.057212092533384135
4.0 0.005639834755789175
5.0 0.0004364765944177719
6.0 2.710853922818746e-05
7.0 1.3615822420033718e-06
8.0 5.5289884817260557e-08
9.0 1.802959751237059e-09
10.0 4.6577865463331123e-11
11.0 9.321608033672723e-13
12.0 1.3940617899199069e-14
13.0 1.466597710069121e-16
14.0 9.682266108414311e-19
15.0 3.017915296002455e-21
EOD

# gnuplot sets ARG0 to the path of the script it runs; the images go to the directory
# part of it (up to the last '/'). gnuplot has no dirname(), hence this small recursive
# function. Set outdir before running the script to write the images elsewhere.
last_slash(s, i) = i < 1 ? 0 : (s[i:i] eq '/' ? i : last_slash(s, i - 1))
if (!exists("outdir")) outdir = ARG0[1:last_slash(ARG0, strlen(ARG0))]

# ---- PNG ----
set terminal pngcairo size 800,500 enhanced font 'Sans,11'
set output outdir."exercise4-hilbert-15-spectrum.png"
reset
set title "Singular values of H_{15}: below about ε·σ_1, each precision returns rounding noise"
set xlabel "k"
set ylabel "σ_k"
set logscale y 10.0
set format y "10^{%L}"
set key bottom left
set grid
plot $series1 using 1:2 with linespoints lw 2.0 pt 7 ps 1 lc rgb "#1f77b4" title "Float", \
     $series2 using 1:2 with linespoints lw 2.0 pt 7 ps 1 lc rgb "#d62728" title "Double", \
     $series3 using 1:2 with linespoints lw 2.0 pt 7 ps 1 lc rgb "#2ca02c" title "Float80", \
     $series4 using 1:2 with linespoints lw 2.0 pt 7 ps 1 lc rgb "#ff7f0e" title "accurate"
unset output
