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
1e-16 0.9378081097261711
1e-15 0.04522789347282943
1e-14 0.01416024789975587
1e-13 0.0012233021369622344
1e-12 0.0002743273883565797
1e-11 4.364547486896825e-05
1e-10 5.75027777681513e-06
1e-09 1.6228723710274147e-05
1e-08 5.7681677950138945e-05
1e-07 0.00016793108948486292
1e-06 0.0005570765294051197
1e-05 0.0018108309338739146
0.0001 0.005586834322418732
0.001 0.01773607398447637
0.01 0.05729416416007433
0.1 0.18345211074351317
1.0 0.5156365117399349
EOD

$panel2_series2 << EOD
1e-16 1486263.6225166216
1e-15 307888.36451685993
1e-14 127915.90724642578
1e-13 36107.09980012257
1e-12 4494.644821825646
1e-11 502.99381474452036
1e-10 59.24472584340762
1e-09 8.848701883971534
1e-08 1.000865242154748
1e-07 0.10168766756053184
1e-06 0.010194653979692892
1e-05 0.0010250219314099174
0.0001 0.00010439884667184372
0.001 1.0863754638273334e-05
0.01 1.1130217803783525e-06
0.1 1.1307163916692744e-07
1.0 1.2380133437082654e-08
EOD

$panel2_series3 << EOD
1e-16 1486262.6909637798
1e-15 307888.4065206895
1e-14 127915.91666392495
1e-13 36107.09858317622
1e-12 4494.645056405924
1e-11 502.9938552071958
1e-10 59.244723823741346
1e-09 8.848690862896643
1e-08 1.0008494991064816
1e-07 0.10166830670576711
1e-06 0.010198897585675893
1e-05 0.0020023898725024364
0.0001 0.005568864998833666
0.001 0.017733870737705635
0.01 0.05729413329232575
0.1 0.18345209857291597
1.0 0.5156365066717634
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
