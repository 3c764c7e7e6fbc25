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
1e-16 0.2318768641701349
1e-15 0.011227967224303727
1e-14 0.018286862011250918
1e-13 0.0013793121041468191
1e-12 0.00015746429300297576
1e-11 5.040770621717181e-05
1e-10 6.253143792995139e-06
1e-09 1.6322405464276643e-05
1e-08 5.768829461710836e-05
1e-07 0.00016792986992523857
1e-06 0.0005570765693643141
1e-05 0.0018108309369368446
0.0001 0.0055868343231298525
0.001 0.01773607398428641
0.01 0.057294164160058544
0.1 0.18345211074351234
1.0 0.5156365117399351
EOD

$panel2_series2 << EOD
1e-16 1486263.6225166246
1e-15 307888.37690464593
1e-14 127915.90759790759
1e-13 36107.09974458444
1e-12 4494.644801567761
1e-11 502.99381208921665
1e-10 59.24472595091543
1e-09 8.84870187491164
1e-08 1.0008652429341123
1e-07 0.10168766780779899
1e-06 0.010194654013585006
1e-05 0.0010250219321470784
0.0001 0.00010439884652758044
0.001 1.0863754623035008e-05
0.01 1.1130217798714816e-06
0.1 1.130716388055165e-07
1.0 1.2380133392401537e-08
EOD

$panel2_series3 << EOD
1e-16 1486263.392096595
1e-15 307888.38756716804
1e-14 127915.9241256862
1e-13 36107.10088507933
1e-12 4494.644909773083
1e-11 502.99380743845614
1e-10 59.24472209181694
1e-09 8.848690772057447
1e-08 1.0008494941150172
1e-07 0.10166830524208818
1e-06 0.010198897569954134
1e-05 0.0020023898835019615
0.0001 0.005568864999546656
0.001 0.0177338707375341
0.01 0.0572941332923153
0.1 0.18345209857291583
1.0 0.5156365066717636
EOD

# gnuplot sets ARG0 to the path of the script it runs; the images go to the directory
# part of it (up to the last '/'). gnuplot has no dirname(), hence this small recursive
# function. Set outdir before running the script to write the images elsewhere.
last_slash(s, i) = i < 1 ? 0 : (s[i:i] eq '/' ? i : last_slash(s, i - 1))
if (!exists("outdir")) outdir = ARG0[1:last_slash(ARG0, strlen(ARG0))]

# ---- PNG ----
set terminal pngcairo size 960,500 enhanced font 'Sans,11'
set output outdir.'exercise4-regularization-tradeoff.png'
set multiplot layout 1,2 rowsfirst title 'Regularizing H_{12}x = b: κ falls as α grows, bias rises, noise falls' font ',13'
# Panel 1
reset
set title 'κ_2(H_{12} + αI)'
set xlabel 'α'
set ylabel 'κ_2'
set logscale x 10.0
set format x "10^{%L}"
set logscale y 10.0
set format y "10^{%L}"
set key top right
set grid
plot $panel1_series1 using 1:2 with linespoints lw 2.0 pt 7 ps 1 lc rgb 'black' title 'κ_2(H_{12} + αI)'
# Panel 2
reset
set title 'Error of the regularized solution (noise 10^{-8})'
set xlabel 'α'
set ylabel '‖x_α − x‖ / ‖x‖'
set logscale x 10.0
set format x "10^{%L}"
set logscale y 10.0
set format y "10^{%L}"
set key top right
set grid
plot $panel2_series1 using 1:2 with linespoints lw 2.0 pt 7 ps 1 lc rgb '#1f77b4' title 'bias (exact data)', \
     $panel2_series2 using 1:2 with linespoints lw 2.0 pt 7 ps 1 lc rgb '#d62728' title 'noise (data error)', \
     $panel2_series3 using 1:2 with linespoints lw 2.0 pt 7 ps 1 lc rgb 'black' title 'total'
unset multiplot
unset output
