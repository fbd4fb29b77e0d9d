seed 1
m = mlp 3 [4] 1 act=tanh
save m "/tmp/sps-golden-model.json"
back = load_model "/tmp/sps-golden-model.json"
print back
print ((sum (back.layers[0].weight == m.layers[0].weight)) == 12)

# expect: Chain(
# expect:   Linear(3 => 4)  # 16 parameters
# expect:   Tanh()
# expect:   Linear(4 => 1)  # 5 parameters
# expect: )  # 21 parameters total
# expect: true
