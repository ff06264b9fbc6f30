package org.encounter.sets.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.encounter.base.HomeSection;
import org.encounter.sets.SetService;

/** On the home page: the person's next set meetings, for members and facilitators alike. */
@org.springframework.stereotype.Component
class SetsHome implements HomeSection {

    private final SetService sets;

    SetsHome(SetService sets) {
        this.sets = sets;
    }

    @Override
    public int order() {
        return 12;
    }

    @Override
    public Optional<Component> create() {
        List<SetService.MeetingInfo> next = sets.upcoming();
        if (next.isEmpty()) {
            return Optional.empty();
        }
        Div card = new Div();
        card.add(new H2(card.getTranslation("home.meetings.title")));
        card.addClassName("home-card");
        card.setId("home-meetings");
        for (SetService.MeetingInfo m : next.stream().limit(3).toList()) {
            RouterLink link = new RouterLink(m.setName() + " · " + When.line(m, com.vaadin.flow.component.UI.getCurrent().getLocale()), MeetingView.class,
                    new RouteParameters(Map.of("setId", String.valueOf(m.setId()), "meetingId",
                            String.valueOf(m.id()))));
            card.add(new Div(link));
        }
        return Optional.of(card);
    }
}
