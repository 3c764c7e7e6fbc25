# exercise4-regularization-tradeoff.gp: draws exercise4-regularization-tradeoff.png.
# Written by the SVD Lab Plotting module. Change it and run it again with
#     gnuplot path/to/exercise4-regularization-tradeoff.gp
# from any directory: the images are written next to this script.

# ---- Data: one block per series; NaN marks a missing value ----
$panel1_series1 << EOD
1e-16 8766694584137801.0
1e-15 1625073108512864.5
1e-14 177675264422614.06
1e-13 17934925754778.527
1e-12 1795183933909.2751
1e-11 179535324523.2333
1e-10 17953701782.102856
1e-09 1795371872.4166484
1e-08 179537205.074746
1e-07 17953721.576805435
1e-06 1795373.0593738514
1e-05 179538.20595431823
0.0001 17954.720595601157
0.001 1796.3720595618088
0.01 180.53720595619782
0.1 18.95372059561995
1.0 2.795372059561997
EOD

$panel2_series1 << EOD
1e-16 0.09275623498221193
1e-15 0.007399016645276823
1e-14 0.0014468284848977969
1e-13 0.0002235282523951251
1e-12 5.647011253977145e-05
1e-11 6.305248284633949e-06
1e-10 5.350741595528869e-06
1e-09 1.642018557466719e-05
1e-08 5.7689117199866493e-05
1e-07 0.0001679306781069543
1e-06 0.0005570765795067222
1e-05 0.0018108309376962946
0.0001 0.0055868343223029
0.001 0.017736073984403078
0.01 0.057294164160051834
0.1 0.1834521107435114
1.0 0.5156365117399346
EOD

$panel2_series2 << EOD
1e-16 1486263.6224125589
1e-15 307888.36498716846
1e-14 127915.90603873781
1e-13 36107.09951595362
1e-12 4494.644859332419
1e-11 502.99381216898587
1e-10 59.24472591982331
1e-09 8.848701911800113
1e-08 1.0008652408272294
1e-07 0.10168766734501421
1e-06 0.010194653995606227
1e-05 0.001025021930946195
0.0001 0.00010439884593924256
0.001 1.0863754629360935e-05
0.01 1.1130217800328117e-06
0.1 1.1307163943551805e-07
1.0 1.2380133367645095e-08
EOD

$panel2_series3 << EOD
1e-16 1486263.7146673028
1e-15 307888.3580880034
1e-14 127915.90696683129
1e-13 36107.09929764981
1e-12 4494.64486644917
1e-11 502.99381321021815
1e-10 59.24472322672737
1e-09 8.848690669813594
1e-08 1.000849484726453
1e-07 0.10166830524813036
1e-06 0.010198897510583532
1e-05 0.0020023898980555334
0.0001 0.005568864999045278
0.001 0.017733870737645634
0.01 0.057294133292306156
0.1 0.18345209857291506
1.0 0.5156365066717633
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
