"""The replay of past tickets through the rules (`escalator simulate`), pure: a ticket's timeline in, what the
escalator would have done out (`run`), next to what actually happened (`actual`), added up (`report`) and rendered
(`render`). The service layer (plugin/service/simulate.py) reads the timelines through the helpdesk port."""
