# Box and line plots label the value axis from the data: one column by its name, several by what they measure.
s = {iid_rmse: [1, 2, 3, 2], ood_rmse: [5, 7, 6, 9], iid: [1, 2, 3, 4], ood: [2, 3, 4, 5]}
print (plot box s cols=[iid_rmse, ood_rmse]).ylabel  # expect: rmse
print (plot box s cols=[iid, ood]).ylabel  # expect: iid / ood
print (plot box s cols=[ood]).ylabel  # expect: ood
print (plot line s y=[iid_rmse]).ylabel  # expect: iid_rmse
print (plot line s y=[iid, ood_rmse]).ylabel  # expect: iid / ood_rmse
print (plot box s cols=[iid, ood] ylabel="RMSE").ylabel  # expect: RMSE
