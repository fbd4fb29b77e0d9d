t = repeat seedl=5..3 { record v=2 }
sNSFileOwnerAccountName# e──  ───bloepp��t: ar 2
