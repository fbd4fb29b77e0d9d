print("sps")
