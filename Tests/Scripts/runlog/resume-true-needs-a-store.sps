study = repeat resume=true seeds=0..1 {  # expect error: repeat: resume=true takes the finished runs from the run log, which this session does not keep
  record v=seed
}
