"""Local fakes of outside services (Slack Web API, Bot Framework), served from a thread in the test process."""
