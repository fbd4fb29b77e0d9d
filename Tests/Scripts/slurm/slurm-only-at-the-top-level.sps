# A study inside a run of another study runs on that run's thread; it cannot be submitted.
# expect: repeat: run with seed 0 failed: repeat: on="slurm" submits a study of the session, not one inside a run of another repeat
# expect: repeat: run with seed 1 failed: repeat: on="slurm" submits a study of the session, not one inside a run of another repeat
# expect error: repeat: every run failed; the first: run with seed 0 failed: repeat: on="slurm" submits a study
t = repeat seeds=0..1 {
  inner = repeat seeds=0..1 on="slurm" dry_run=true {
    record y=seed
  }
  record x=seed
}
