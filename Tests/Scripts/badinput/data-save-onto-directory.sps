# Bad input: data save onto directory
# expect error: cannot write '/tmp': it is a folder

m = linear 3 1
save m "/tmp"
