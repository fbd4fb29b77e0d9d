# bce needs probabilities; for scores use bce_logits.
print (bce (param (tensor [1.5])) (tensor [1]))  # expect error col 13: bce: the probabilities must be between 0 and 1, but element 0 is 1.5; for scores use bce_logits
