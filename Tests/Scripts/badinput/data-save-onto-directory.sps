# Bad input: data save onto directory

m = linear 3 1
# expect error: cannot write '/tmp': it is a folder
save m "/tmp"
