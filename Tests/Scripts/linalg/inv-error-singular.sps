# inv: an exactly singular matrix (an exact zero pivot)
inv [[1, 2], [2, 4]]  # expect error col 5: argument 'a' of inv is singular (an exactly zero pivot): its rows or columns are linearly dependent; lstsq gives a least-squares answer
