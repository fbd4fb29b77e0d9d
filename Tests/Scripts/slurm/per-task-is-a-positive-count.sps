# expect error col 43: repeat: per_task= takes a whole number of at least 1, got 0
t = repeat seeds=0..9 on="slurm" per_task=0 dry_run=true {
  record x=seed
}
