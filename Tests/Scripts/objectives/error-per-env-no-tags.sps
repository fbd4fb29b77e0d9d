seed 0
def my_mse m bs { mse (m bs[0].x) bs[0].y }
# expect error: per-environment batches need data with environment tags
l = loop (linear 3 1) (spurious n=40) loss=my_mse per_env=true
