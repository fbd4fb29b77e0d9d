x = "ÿþ"
print x
