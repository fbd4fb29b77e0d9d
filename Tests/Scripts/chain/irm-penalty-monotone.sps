# The IRM penalty's effect is monotone in its weight: training the linear IRM solver with error weight reg (penalty
# weight 1 − reg) from reg = 1 (plain least squares through phi) down to reg = 0 (the penalty alone), the penalty
# left at the end of training decreases at every step and the training error increases.
seed 0
sem = chain_sem 4 hidden=true
envs = chain_envs sem n=500
r = irm_linear envs regs=[1, 0.5, 0.1, 0.01, 0] iterations=1500 lr=1e-2
pen = map (range 5) { i -> r.penalty[i] }
risk = map (range 5) { i -> r.risk[i] }
# expect: true true true true
print (pen[1] < pen[0]) (pen[2] < pen[1]) (pen[3] < pen[2]) (pen[4] < pen[3])
# expect: true true true true
print (risk[1] > risk[0]) (risk[2] > risk[1]) (risk[3] > risk[2]) (risk[4] > risk[3])
# and the effect is not vanishingly small: the penalty alone leaves less than a tenth of least squares' penalty
# expect: true
print (pen[4] < pen[0] / 10)
