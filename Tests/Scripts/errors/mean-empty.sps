print (mean [])  # expect error: mean of an empty list
