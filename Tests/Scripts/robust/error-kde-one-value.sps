# the KDE quantile needs two values to estimate a bandwidth
print (round (kde_quantile (tensor [1, 2, 3]) 0.5) digits=4)
# expect: 2
kde_quantile (tensor [1]) 0.5  # expect error: the KDE quantile needs at least 2 values (environments), got 1
