package io.huixun.nlp;

import java.util.List;

/** People, places and organisations named in an article, normalised (simplified script, no spaces), most frequent first. */
public record Entities(List<String> people, List<String> places, List<String> organisations) {
    public static final Entities NONE = new Entities(List.of(), List.of(), List.of());

    public Entities {
        people = List.copyOf(people);
        places = List.copyOf(places);
        organisations = List.copyOf(organisations);
    }

    public boolean isEmpty() {
        return people.isEmpty() && places.isEmpty() && organisations.isEmpty();
    }
}
