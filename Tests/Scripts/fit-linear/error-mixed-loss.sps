# every model has the same base loss
d = iut 2 n=20
fit_linear [linear 10 1, linear 10 1] d.train algo=[erm loss="mse", erm loss="bce_logits"]  # expect error col 52: fit_linear: every algorithm needs the same base loss; model 1's is bce_logits
