# Leave-one-environment-out: runs that also leave out a training environment score a setting on it; the run with
# val_env=-1 gives its test metric. Environments 0, 1, 2; test environment 0.
scores = [[0, 0.1, 0.9], [0, 0.3, 0.3], [0, 0.9, 0.1]]
study = repeat draw=0..2 test_env=[0] val_env=[-1, 1, 2] {
  record val=scores[draw][max val_env 0] test=(10 + draw)
}
sel = selection study by=[test_env] method=loo
# expect: loo 1 0.3 11
print sel.method[0] sel.draw[0] sel.val[0] sel.test[0]
# Without a val_env column there is nothing to leave out.
s2 = repeat draw=0..1 { record val=draw test=draw }
# expect error: selection: leave-one-out needs a column 'val_env' telling which training environment each run left out (negative for the run that leaves out only the test environment)
selection s2 method=loo
