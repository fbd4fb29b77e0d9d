print (format "%d" 1e300)
print (format "%999999999d" 1)
