# Bad input: files: the root folder ends in '/'

d = spurious n=10
# expect error: cannot write '/': the path ends in '/'; name a file
save d "/"
