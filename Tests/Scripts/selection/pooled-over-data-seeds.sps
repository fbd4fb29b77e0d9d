# pool=true: a setting is chosen by its validation metric averaged over the runs in the group (InvarianceUnitTests
# averages over data seeds); every run of the chosen setting is listed with its seed, and report's spread="std"
# shows the standard deviation (n in the denominator) as its tables do.
study = repeat seeds=0..3 draw=0..2 {
  # draw 1 is best on average, though seed 0 alone would pick draw 2
  v = [[0.5, 0.5, 0.5, 0.5], [0.3, 0.1, 0.1, 0.1], [0.2, 0.9, 0.9, 0.9]][draw][seed]
  record val=v test=(draw + seed)
}
sel = selection study by=[] pool=true method=training
# expect: method    seed  draw     val  test
# expect: ────────  ────  ────  ──────  ────
# expect: training     0     1  0.1500     1
# expect: training     1     1  0.1500     2
# expect: training     2     1  0.1500     3
# expect: training     3     1  0.1500     4
print sel
# expect: **Model selection: training-domain validation set**
# expect:
# expect: | method | test |
# expect: | --- | ---: |
# expect: | training | 2.500 ± 1.118 |
print (report sel rows=method spread="std" digits=3 format="markdown")
# The standard error (the default) is the deviation over √n.
r = report sel rows=method digits=3
# expect: 2.500 ± 0.559
print r.test[0]
