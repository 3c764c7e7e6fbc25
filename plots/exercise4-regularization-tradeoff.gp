# exercise4-regularization-tradeoff.gp: draws exercise4-regularization-tradeoff.png.
# Written by the SVD Lab Plotting module. Change it and run it again with
#     gnuplot path/to/exercise4-regularization-tradeoff.gp
# from any directory: the images are written next to this script.

# ---- Data: one block per series; NaN marks a missing value ----
$panel1_series1 << EOD
1e-16 8766694584137798.0
1e-15 1625073108512864.2
1e-14 177675264422614.03
1e-13 17934925754778.523
1e-12 1795183933909.2747
1e-11 179535324523.23328
1e-10 17953701782.10285
1e-09 1795371872.416648
1e-08 179537205.07474598
1e-07 17953721.57680543
1e-06 1795373.059373851
1e-05 179538.2059543182
0.0001 17954.72059560115
0.001 1796.3720595618083
0.01 180.5372059561978
0.1 18.953720595619945
1.0 2.7953720595619966
EOD

$panel2_series1 << EOD
1e-16 0.44314032641657625
1e-15 0.014093332365018507
1e-14 0.01581101574992036
1e-13 0.0009244877877970086
1e-12 0.0001767124441165698
1e-11 5.3981312328211434e-05
1e-10 5.9699252379316915e-06
1e-09 1.625486032973209e-05
1e-08 5.768829776132386e-05
1e-07 0.00016793009456356997
1e-06 0.0005570765540045097
1e-05 0.001810830931607308
0.0001 0.005586834323067832
0.001 0.017736073984323374
0.01 0.05729416416006472
0.1 0.18345211074351128
1.0 0.515636511739935
EOD

$panel2_series2 << EOD
1e-16 1486263.622516622
1e-15 307888.37690465344
1e-14 127915.9075979432
1e-13 36107.09972438669
1e-12 4494.644815880146
1e-11 502.99381146020255
1e-10 59.24472591395507
1e-09 8.848701880447516
1e-08 1.0008652393290651
1e-07 0.10168766765728376
1e-06 0.010194653973897532
1e-05 0.0010250219335209531
0.0001 0.00010439884657345366
0.001 1.0863754600331456e-05
0.01 1.113021778239848e-06
0.1 1.1307163953681083e-07
1.0 1.2380133342731143e-08
EOD

$panel2_series3 << EOD
1e-16 1486263.1822720803
1e-15 307888.390898982
1e-14 127915.92163628523
1e-13 36107.100628479784
1e-12 4494.644920538773
1e-11 502.99382427696645
1e-10 59.24472311610973
1e-09 8.848690868518101
1e-08 1.000849490983782
1e-07 0.10166830553612419
1e-06 0.010198897657057573
1e-05 0.0020023898799002623
0.0001 0.005568864999427616
0.001 0.017733870737566416
0.01 0.0572941332923212
0.1 0.18345209857291533
1.0 0.5156365066717638
EOD

# gnuplot sets ARG0 to the path of the script it runs; the images go to the directory
# part of it (up to the last '/'). gnuplot has no dirname(), hence this small recursive
# function. Set outdir before running the script to write the images elsewhere.
last_slash(s, i) = i < 1 ? 0 : (s[i:i] eq '/' ? i : last_slash(s, i - 1))
if (!exists("outdir")) outdir = ARG0[1:last_slash(ARG0, strlen(ARG0))]

# ---- PNG ----
set terminal pngcairo size 960,500 enhanced font 'Sans,11'
set output outdir."exercise4-regularization-tradeoff.png"
set multiplot layout 1,2 rowsfirst title "Regularizing H_{12}x = b: κ falls as α grows, bias rises, noise falls" font ',13'
# Panel 1
reset
set title "κ_2(H_{12} + αI)"
set xlabel "α"
set ylabel "κ_2"
set logscale x 10.0
set format x "10^{%L}"
set logscale y 10.0
set format y "10^{%L}"
set key top right
set grid
plot $panel1_series1 using 1:2 with linespoints lw 2.0 pt 7 ps 1 lc rgb "black" title "κ_2(H_{12} + αI)"
# Panel 2
reset
set title "Error of the regularized solution (noise 10^{-8})"
set xlabel "α"
set ylabel "‖x_α − x‖ / ‖x‖"
set logscale x 10.0
set format x "10^{%L}"
set logscale y 10.0
set format y "10^{%L}"
set key top right
set grid
plot $panel2_series1 using 1:2 with linespoints lw 2.0 pt 7 ps 1 lc rgb "#1f77b4" title "bias (exact data)", \
     $panel2_series2 using 1:2 with linespoints lw 2.0 pt 7 ps 1 lc rgb "#d62728" title "noise (data error)", \
     $panel2_series3 using 1:2 with linespoints lw 2.0 pt 7 ps 1 lc rgb "black" title "total"
unset multiplot
unset output
