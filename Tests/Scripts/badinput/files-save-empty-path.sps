# Bad input: files: an empty path is named as such (not "Is a directory")

m = linear 3 1
# expect error: cannot write '': empty path; name a file
save m ""
