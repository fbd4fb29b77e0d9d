# Bad input: unknown command typo
# expect error: unknown name 'pirnt'; did you mean 'print'?

pirnt 1
