package dev.longrun.spring.web;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /longrun/} holds the web components' files; the folder itself is not a page. Read from the starter's jar,
 * Spring's static resources answered it (with or without the slash) with an empty 200 of application/octet-stream,
 * the jar's entry for the folder. Now it is the host's 404, as for any unknown path.
 */
@Controller
public class ComponentsFolder {

    @RequestMapping(value = {"/longrun", "/longrun/"}, method = {RequestMethod.GET, RequestMethod.HEAD})
    public void notAPage() {
        throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
