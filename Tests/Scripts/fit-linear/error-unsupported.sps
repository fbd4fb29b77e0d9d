# algorithms fit_linear does not run natively are named, with where to run them
d = iut 2 n=20
fit_linear (linear 10 1) d.train algo=(vrex loss="bce_logits")  # expect error col 40: fit_linear runs erm, irm, iga and andmask; for vrex use fit … algo=vrex
