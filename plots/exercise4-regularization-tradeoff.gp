# exercise4-regularization-tradeoff.gp: draws exercise4-regularization-tradeoff.png.
# Written by the SVD Lab Plotting module. Change it and run it again with
#     gnuplot path/to/exercise4-regularization-tradeoff.gp
# from any directory: the images are written next to this script.

# ---- Data: one block per series; NaN marks a missing value ----
$panel1_series1 << EOD
1e-16 8766694584137801.0
1e-15 1625073108512865.2
1e-14 177675264422614.12
1e-13 17934925754778.535
1e-12 1795183933909.276
1e-11 179535324523.23337
1e-10 17953701782.102863
1e-09 1795371872.416649
1e-08 179537205.0747461
1e-07 17953721.576805443
1e-06 1795373.059373852
1e-05 179538.20595431828
0.0001 17954.72059560116
0.001 1796.3720595618095
0.01 180.53720595619788
0.1 18.953720595619956
1.0 2.7953720595619975
EOD

$panel2_series1 << EOD
1e-16 0.8226049595071969
1e-15 0.07960915264173894
1e-14 0.004500788898269467
1e-13 0.0017581158196576625
1e-12 0.00015412318385247344
1e-11 5.27903425447986e-05
1e-10 7.55253227749901e-06
1e-09 1.6355582013259427e-05
1e-08 5.769594599422785e-05
1e-07 0.00016793056334155187
1e-06 0.0005570765616705345
1e-05 0.0018108309393074058
0.0001 0.005586834322471785
0.001 0.017736073984499563
0.01 0.057294164160045354
0.1 0.18345211074351297
1.0 0.5156365117399345
EOD

$panel2_series2 << EOD
1e-16 1440154.94634163
1e-15 307972.56205130694
1e-14 127931.60799290314
1e-13 36105.34270313401
1e-12 4494.642504064948
1e-11 502.993637121996
1e-10 59.24472851566874
1e-09 8.848701880855472
1e-08 1.0008652370616251
1e-07 0.10168766746352924
1e-06 0.01019465398949501
1e-05 0.0010250219343002464
0.0001 0.0001043988464770003
0.001 1.0863754637645505e-05
0.01 1.1130217818911675e-06
0.1 1.1307163906362584e-07
1.0 1.2380133427747235e-08
EOD

$panel2_series3 << EOD
1e-16 1440154.1292683946
1e-15 307972.4935503386
1e-14 127931.60452392972
1e-13 36105.34240738243
1e-12 4494.642650241975
1e-11 502.99362962376887
1e-10 59.24473136288584
1e-09 8.848690772353978
1e-08 1.000849461983506
1e-07 0.10166830614504808
1e-06 0.010198897567485625
1e-05 0.002002389899464305
0.0001 0.005568864998747622
0.001 0.01773387073773075
0.01 0.05729413329229944
0.1 0.18345209857291717
1.0 0.5156365066717631
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
