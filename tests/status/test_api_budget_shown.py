"""The API budget where admins look: the Operations page's "API budget" table and /metrics show, per helpdesk
account, its limit, the escalator's share, what was spent this window, what the account has left when it runs low,
and the requests held back for the next window."""

from __future__ import annotations

from pathlib import Path

from status_client import TOKEN, make_app

from plugin.budget import ROUTINE, urgent_work
from webhooks.extension import Escalator


def test_the_operations_page_and_metrics_show_the_budget(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    services = Escalator.services(app)
    budget = services.budget
    assert budget is not None
    client = app.test_client()
    bearer = {"Authorization": f"Bearer {TOKEN}"}
    assert "No helpdesk request made yet" in client.get("/escalator/operations", headers=bearer).text

    budget.observe("zendesk", 100, 20, 40)  # a 100-a-minute account, 20 left: low
    with urgent_work(ROUTINE):
        while budget.take("zendesk") == 0.0:
            pass
    page = client.get("/escalator/operations", headers=bearer).text
    row = page.split('data-platform="zendesk"')[1].split("</tr>")[0]
    assert "100 a window" in row and "50 (40 for routine work" in row
    assert '<td class="used">18</td><td>2</td>' in row  # the account keeps its margin (2 % of 100)
    assert "1 request</td>" in row

    metrics = client.get("/metrics").text
    assert 'escalator_api_budget_limit{platform="zendesk"} 100.0' in metrics
    assert 'escalator_api_budget_used{platform="zendesk"} 18.0' in metrics
    assert 'escalator_api_budget_left{platform="zendesk"} 2.0' in metrics
    assert 'escalator_api_budget_waits_total{platform="zendesk"} 1.0' in metrics
