# expect error col 32: init= needs a shape (a list of sizes such as [64, 3])
w = param (tensor [1, 2]) init=zeros
