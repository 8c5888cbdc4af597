from django.urls import path

from peergoals.goals import guided
from peergoals.goals.views import changes, goals, plan, scale, steps

app_name = "goals"
urlpatterns = [
    path("me/", goals.today, name="today"),
    path("wins/", goals.wins, name="wins"),
    path("goals/past/", goals.past_goals, name="past"),
    path("goals/new/", goals.new_goal, name="new"),
    path("goals/explore/", guided.explore_start, name="explore"),
    path("goals/explore/<slug:screen>/", guided.explore, name="explore_screen"),
    path("goals/<int:goal_id>/make-it-smart/", guided.smart, name="smart"),
    path("goals/<int:goal_id>/break-it-down/", guided.breakdown, name="breakdown"),
    path("coach/use/", guided.use_wording, name="use_wording"),
    path("goals/<int:goal_id>/", goals.detail, name="detail"),
    path("goals/<int:goal_id>/edit/", goals.edit_goal, name="edit"),
    path("goals/<int:goal_id>/scale/", scale.scale, name="scale"),
    path("goals/<int:goal_id>/history/", goals.history, name="history"),
    path("goals/<int:goal_id>/look-backs/", goals.reviews, name="reviews"),
    path("goals/<int:goal_id>/status/", goals.goal_status, name="status"),
    path("goals/<int:goal_id>/accept/", goals.accept_goal, name="accept"),
    path("goals/<int:goal_id>/decline/", goals.decline_goal, name="decline"),
    path("goals/<int:goal_id>/withdraw/", goals.withdraw_goal, name="withdraw"),
    path("goals/<int:goal_id>/review/", goals.review, name="review"),
    path("goals/<int:goal_id>/steps/new/", steps.add_step, name="add_step"),
    path("steps/<int:step_id>/edit/", steps.edit_step, name="edit_step"),
    path("steps/<int:step_id>/accept/", steps.accept_step, name="accept_step"),
    path("steps/<int:step_id>/decline/", steps.decline_step, name="decline_step"),
    path("steps/<int:step_id>/withdraw/", steps.withdraw_step, name="withdraw_step"),
    path("steps/<int:step_id>/move/", steps.move_step, name="move_step"),
    path("steps/<int:step_id>/status/", steps.step_status, name="step_status"),
    path("steps/<int:step_id>/check-in/", steps.check_in, name="check_in"),
    path("changes/<int:change_id>/accept/", changes.accept_change, name="accept_change"),
    path("changes/<int:change_id>/decline/", changes.decline_change, name="decline_change"),
    path("changes/<int:change_id>/withdraw/", changes.withdraw_change, name="withdraw_change"),
    path("peers/<int:peer_id>/", goals.peer, name="peer"),
    path("peers/<int:peer_id>/goals/new/", goals.propose_goal, name="propose"),
    path("peers/<int:peer_id>/plan/", plan.plan, name="plan"),
    path("peers/<int:peer_id>/plan/pdf/", plan.plan_pdf, name="plan_pdf"),
    path("coach/", goals.coach, name="coach"),
]
