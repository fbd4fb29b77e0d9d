# causal.sps — why x3 is spurious, seen in the causal model rather than told.
#
#   sps --step stdlib/causal.sps     one statement at a time (Enter to go on)
#   sps --echo stdlib/causal.sps     a transcript for a handout
#
# The case study's data come from a structural causal model. Here the model is a value: we draw it, ask it
# questions, intervene on it, and watch a model trained on x3 fail when x3's link to y changes.

say "The case study's world, written once as a block: each line is a node, computed from its causes."
world = {
  x1 = normal 0 1
  x2 = normal 0 1
  y  = x1 + 2*x2 + 3 + normal 0 1
  f  = 0.2
  x3 = y / f + normal 0 3
}
pause

say "Its graph: x1 and x2 cause y; y causes x3. x3 is a child of y, not a cause."
g = graph world
print (draw g)
print (parents g y) (children g y)
pause

say "What the graph promises about any data it makes: x1 and x3 are independent once y is known."
print (independencies g)
seed 0
d = scm n=5000 target=y world
say "...and a check of those promises against 5000 rows (large p-values: the data agree):"
print (citest g d)
pause

say "Intervening on x3 — do(x3 = 100), forcing it whatever y is — leaves y exactly as it was, row for row, because y does not listen to x3:"
seed 0
forced = scm n=5000 target=y do={ x3 = 100 } world
print (mean d.y) (mean forced.y) (max (abs (forced.y - d.y)))
pause

say "Conditioning on x3 is different: rows where x3 happens to be high are rows where y is high."
high = d[d.x3 > 25]
print (mean high.y) (mean d.y)
say "Seeing x3 tells us about y; setting x3 does nothing to y. A model trained on this data learns the seeing."
pause

say "Intervening on a cause moves its effects: do(x1 = x1 + 1) moves y by 1 and x3 by 1/f = 5."
seed 0
pushed = scm n=5000 target=y do={ x1 = x1 + 1 } world
print (mean (pushed.y - d.y)) (mean (pushed.x3 - d.x3))
say "The same question for each observed row: what would this row have been with x1 one higher?"
cf = counterfactual world d[0..3] do={ x1 = x1 + 1 }
print d[0..3]
print cf
pause

say "Train a linear model on the world as it is. It leans on x3: scaled back by f, x3 is a copy of y with less noise than y has around its causes."
m = linear 3 1
fit m d epochs=30 batch=64 optim=(adam lr=1e-2)
print m.weight
pause

say "Now change x3's link to y — an intervention on x3's mechanism, f from 0.2 to 0.1 — and nothing else."
seed 1
same = scm n=5000 target=y world
shifted = scm n=5000 target=y do={ f = 0.1 } world
print (eval m [same, shifted])
say "The causes of y did not change, yet the model fails: it learned x3, which y causes, not what causes y."
say "Adjusting for what the graph says — y's parents are x1 and x2 — gives a model that survives the shift:"
causes = scm n=5000 target=y features=[x1, x2] world
causes_shifted = scm n=5000 target=y features=[x1, x2] do={ f = 0.1 } world
c = linear 2 1
fit c causes epochs=30 batch=64 optim=(adam lr=1e-2)
print (eval c [causes, causes_shifted])
say "Its error is y's own noise (about 1) in both worlds: less sharp where nothing changes, and it does not break."
