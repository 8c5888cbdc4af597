"""The printable plan: a page laid out for paper, and its PDF.

For the peer, and for the staff who may read the peer's plan: the page is an audited read
through the access policy; the PDF leaves PeerGoals, so it follows the staff download's rule
(`peergoals.privacy.actions.export_plan`).
"""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone, translation

from peergoals import access, pdf
from peergoals.goals import plans
from peergoals.privacy import actions as privacy
from peergoals.web import Request, page


@page
def plan(request: Request, peer_id: int) -> HttpResponse:
    """The peer's plan as it prints (its print stylesheet leaves out the rest of the page)."""
    peer = access.get_peer_for(request.user, peer_id)
    context = {"plan": plans.printable_plan_of(peer), "is_peer": peer.pk == request.user.pk}
    return render(request, "goals/plan.html", context)


@page
def plan_pdf(request: Request, peer_id: int) -> HttpResponse:
    """The peer's plan as a PDF, in the peer's language; for staff, refused without a consent
    that covers it, and carrying the 42 CFR 2.32 notice."""
    peer = access.get_peer_or_not_sharing_for(request.user, peer_id)
    try:
        notices = privacy.export_plan(peer, by=request.user)
    except privacy.ExportRefused as refusal:
        return render(request, "privacy/refused.html", {"message": str(refusal)}, status=403)
    context = {
        "plan": plans.printable_plan_of(peer),
        "styles": pdf.stylesheet("peergoals/plan.css"),
        "reader_language": translation.get_language(),
        **notices,
    }
    document = pdf.pdf_from_html(render_to_string("goals/plan_pdf.html", context))
    response = HttpResponse(document, content_type="application/pdf")
    day = timezone.localdate().isoformat()
    name = "plan" if peer.pk == request.user.pk else f"plan-{peer.username}"
    response["Content-Disposition"] = f'attachment; filename="peergoals-{name}-{day}.pdf"'
    return response
