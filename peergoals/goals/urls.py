from django.urls import path

from peergoals.goals import guided, plan_views, views

app_name = "goals"
urlpatterns = [
    path("me/", views.today, name="today"),
    path("wins/", views.wins, name="wins"),
    path("goals/past/", views.past_goals, name="past"),
    path("goals/new/", views.new_goal, name="new"),
    path("goals/explore/", guided.explore_start, name="explore"),
    path("goals/explore/<slug:screen>/", guided.explore, name="explore_screen"),
    path("goals/<int:goal_id>/make-it-smart/", guided.smart, name="smart"),
    path("goals/<int:goal_id>/break-it-down/", guided.breakdown, name="breakdown"),
    path("coach/use/", guided.use_wording, name="use_wording"),
    path("goals/<int:goal_id>/", views.detail, name="detail"),
    path("goals/<int:goal_id>/edit/", views.edit_goal, name="edit"),
    path("goals/<int:goal_id>/history/", views.history, name="history"),
    path("goals/<int:goal_id>/status/", views.goal_status, name="status"),
    path("goals/<int:goal_id>/accept/", views.accept_goal, name="accept"),
    path("goals/<int:goal_id>/decline/", views.decline_goal, name="decline"),
    path("goals/<int:goal_id>/review/", views.review, name="review"),
    path("goals/<int:goal_id>/steps/new/", views.add_step, name="add_step"),
    path("steps/<int:step_id>/edit/", views.edit_step, name="edit_step"),
    path("steps/<int:step_id>/accept/", views.accept_step, name="accept_step"),
    path("steps/<int:step_id>/decline/", views.decline_step, name="decline_step"),
    path("steps/<int:step_id>/move/", views.move_step, name="move_step"),
    path("steps/<int:step_id>/status/", views.step_status, name="step_status"),
    path("steps/<int:step_id>/check-in/", views.check_in, name="check_in"),
    path("changes/<int:change_id>/accept/", views.accept_change, name="accept_change"),
    path("changes/<int:change_id>/decline/", views.decline_change, name="decline_change"),
    path("peers/<int:peer_id>/", views.peer, name="peer"),
    path("peers/<int:peer_id>/goals/new/", views.propose_goal, name="propose"),
    path("peers/<int:peer_id>/plan/", plan_views.plan, name="plan"),
    path("peers/<int:peer_id>/plan/pdf/", plan_views.plan_pdf, name="plan_pdf"),
    path("coach/", views.coach, name="coach"),
]
