"""Staff approve or reject applications; the decision is recorded and the applicant mailed."""

from storefront.accounts.models import Role
from storefront.producers.models import ProducerStatus
from tests.producers.conftest import application, fresh


def test_approving_makes_the_applicant_a_producer_member_and_mails_them(
    client, staff_client, staff, applicant, apply, smtp_server
):
    producer = apply()
    assert "Hợp tác xã Khóm Cầu Đúc" in staff_client.get("/staff/producers/applications").get_data(
        as_text=True
    )

    with staff_client.post(
        f"/staff/producers/{producer.id}/approve", data={"note": "Chào mừng!"}
    ) as response:
        assert response.status_code == 302

    fresh(producer)
    fresh(applicant)
    assert producer.status is ProducerStatus.APPROVED
    assert producer.decided_by_id == staff.id
    assert producer.decided_at is not None
    assert producer.decision_reason == "Chào mừng!"
    assert applicant.role is Role.PRODUCER
    assert applicant.producer_id == producer.id
    [mail] = smtp_server.messages
    assert mail.recipients == [applicant.email]
    assert "Hợp tác xã Khóm Cầu Đúc" in mail.message["Subject"]
    assert "Chào mừng!" in mail.message.get_body(("plain",)).get_content()
    assert "You are a member of" in client.get("/producer/apply").get_data(as_text=True)
    queue = staff_client.get("/staff/producers/applications").get_data(as_text=True)
    assert f'id="application-{producer.id}"' not in queue


def test_the_mail_is_written_in_the_applicants_language(
    db, staff_client, staff, applicant, apply, smtp_server
):
    applicant.locale = "en"
    db.session.commit()
    producer = apply()

    staff_client.post(f"/staff/producers/{producer.id}/approve", data={}).close()

    [mail] = smtp_server.messages
    assert mail.message["Subject"] == "Hợp tác xã Khóm Cầu Đúc is approved on Chợ OCOP"


def test_rejecting_needs_a_reason(staff_client, staff, apply, smtp_server):
    producer = apply()

    with staff_client.post(
        f"/staff/producers/{producer.id}/reject", data={"reason": "  "}, follow_redirects=True
    ) as response:
        assert "Give the reason" in response.get_data(as_text=True)

    fresh(producer)
    assert producer.status is ProducerStatus.PENDING
    assert smtp_server.messages == []


def test_rejecting_records_and_mails_the_reason_and_the_applicant_may_revise(
    client, staff_client, staff, applicant, apply, smtp_server
):
    producer = apply()

    staff_client.post(
        f"/staff/producers/{producer.id}/reject", data={"reason": "Thiếu giấy phép kinh doanh."}
    ).close()

    fresh(producer)
    fresh(applicant)
    assert producer.status is ProducerStatus.REJECTED
    assert producer.decided_by_id == staff.id
    assert producer.decision_reason == "Thiếu giấy phép kinh doanh."
    assert applicant.role is Role.SHOPPER
    assert applicant.producer_id is None
    [mail] = smtp_server.messages
    assert "Thiếu giấy phép kinh doanh." in mail.message.get_body(("plain",)).get_content()
    assert "Thiếu giấy phép kinh doanh." in mail.message.get_body(("html",)).get_content()

    page = client.get("/producer/apply").get_data(as_text=True)
    assert "Thiếu giấy phép kinh doanh." in page
    assert 'value="0123456789"' in page  # the answers, to correct

    revised = apply(name="HTX Khóm Cầu Đúc")
    assert revised.id == producer.id
    assert revised.status is ProducerStatus.PENDING
    assert revised.slug == "htx-khom-cau-duc"


def test_an_application_is_decided_only_once(staff_client, staff, apply, smtp_server):
    producer = apply()
    staff_client.post(f"/staff/producers/{producer.id}/approve", data={}).close()

    with staff_client.post(
        f"/staff/producers/{producer.id}/reject", data={"reason": "Late"}, follow_redirects=True
    ) as response:
        assert "status has changed meanwhile" in response.get_data(as_text=True)

    fresh(producer)
    assert producer.status is ProducerStatus.APPROVED
    assert len(smtp_server.messages) == 1


def test_a_decision_on_an_unknown_producer_is_404(staff_client, staff):
    assert staff_client.post("/staff/producers/999/approve", data={}).status_code == 404


def test_the_queue_says_when_it_is_empty(staff_client, staff, client, applicant):
    client.post("/producer/apply", data=application(tax_code="1")).close()

    page = staff_client.get("/staff/producers/applications").get_data(as_text=True)

    assert "No application waits for a decision." in page
