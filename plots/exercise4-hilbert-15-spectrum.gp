# exercise4-hilbert-15-spectrum.gp: draws exercise4-hilbert-15-spectrum.png.
# Written by the SVD Lab Plotting module. Change it and run it again with
#     gnuplot path/to/exercise4-hilbert-15-spectrum.gp
# from any directory: the images are written next to this script.

# ---- Data: one block per series; NaN marks a missing value ----
$series1 << EOD
1.0 1.8459275960922241
2.0 0.4266279935836792
3.0 0.05721209570765495
4.0 0.005639835260808468
5.0 0.00043648306746035814
6.0 2.7109877919428982e-05
7.0 1.3605082358481013e-06
8.0 5.954287018994364e-08
9.0 8.40090574882879e-09
10.0 6.395754592602998e-09
11.0 5.27422150398138e-09
12.0 4.3884131883942246e-09
13.0 3.4565657003327033e-09
14.0 1.2984812114424926e-09
15.0 7.579633032328559e-10
EOD

$series2 << EOD
1.0 1.8459277461534882
2.0 0.42662795700697653
3.0 0.05721209253338412
4.0 0.005639834755789194
5.0 0.00043647659441775226
6.0 2.710853922818299e-05
7.0 1.3615822420027175e-06
8.0 5.52898848160716e-08
9.0 1.8029597506202387e-09
10.0 4.6577869675663995e-11
11.0 9.321493570855367e-13
12.0 1.3946430977345373e-14
13.0 1.4317891366959066e-16
14.0 1.3052929278461127e-17
15.0 8.126834436493685e-18
EOD

$series3 << EOD
1.0 1.845927746153488
2.0 0.4266279570069765
3.0 0.05721209253338412
4.0 0.005639834755789176
5.0 0.00043647659441777193
6.0 2.7108539228187447e-05
7.0 1.3615822420033735e-06
8.0 5.52898848172611e-08
9.0 1.8029597512339087e-09
10.0 4.6577865465435187e-11
11.0 9.321608022226305e-13
12.0 1.3940619572053103e-14
13.0 1.4666066130236104e-16
14.0 9.704824086958757e-19
15.0 1.9970135672817603e-21
EOD

$series4 << EOD
1.0 1.845927746153488
2.0 0.4266279570069764
3.0 0.05721209253338411
4.0 0.005639834755789177
5.0 0.00043647659441777193
6.0 2.7108539228187454e-05
7.0 1.3615822420033712e-06
8.0 5.5289884817260557e-08
9.0 1.8029597512370592e-09
10.0 4.657786546333109e-11
11.0 9.321608033672725e-13
12.0 1.3940617899199066e-14
13.0 1.4665977100691213e-16
14.0 9.682266108414315e-19
15.0 3.0179152960024562e-21
EOD

# gnuplot sets ARG0 to the path of the script it runs; the images go to the directory
# part of it (up to the last '/'). gnuplot has no dirname(), hence this small recursive
# function. Set outdir before running the script to write the images elsewhere.
last_slash(s, i) = i < 1 ? 0 : (s[i:i] eq '/' ? i : last_slash(s, i - 1))
if (!exists("outdir")) outdir = ARG0[1:last_slash(ARG0, strlen(ARG0))]

# ---- PNG ----
set terminal pngcairo size 800,500 enhanced font 'Sans,11'
set output outdir.'exercise4-hilbert-15-spectrum.png'
reset
set title 'Singular values of H_{15}: below about ε·σ_1, each precision returns rounding noise'
set xlabel 'k'
set ylabel 'σ_k'
set logscale y 10.0
set format y "10^{%L}"
set key bottom left
set grid
plot $series1 using 1:2 with linespoints lw 2.0 pt 7 ps 1 lc rgb '#1f77b4' title 'Float', \
     $series2 using 1:2 with linespoints lw 2.0 pt 7 ps 1 lc rgb '#d62728' title 'Double', \
     $series3 using 1:2 with linespoints lw 2.0 pt 7 ps 1 lc rgb '#2ca02c' title 'Float80', \
     $series4 using 1:2 with linespoints lw 2.0 pt 7 ps 1 lc rgb '#ff7f0e' title 'accurate'
unset output
