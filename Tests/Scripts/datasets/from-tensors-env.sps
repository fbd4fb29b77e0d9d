# Environment tags are whole numbers, one per row
print (dataset (tensor [[1], [2]]) [1, 2] env=[0, 0.5])  # expect error: environment tags are whole numbers from 0 to 16777215, got 0.5
