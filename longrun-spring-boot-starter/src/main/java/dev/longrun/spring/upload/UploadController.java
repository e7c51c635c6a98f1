package dev.longrun.spring.upload;

import dev.longrun.spring.api.ApiPaths;
import org.springframework.web.bind.annotation.RequestMapping;
import dev.longrun.spring.problem.ApiProblem;
import dev.longrun.spring.security.Caller;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** {@code POST /api/uploads}: one file (multipart part {@code file}) for a job to read; answers its {@code upload_id}. */
@RestController
@RequestMapping(ApiPaths.BASE)
public class UploadController {

    /** Longer names fit no file system a user would save the file to again (255 bytes on most). */
    static final int MAX_FILE_NAME = 255;

    private final UploadStore uploads;

    public UploadController(UploadStore uploads) {
        this.uploads = uploads;
    }

    @PostMapping(path = "/uploads", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<UploadView> upload(@AuthenticationPrincipal Caller caller,
                                             @RequestParam(name = "file", required = false) MultipartFile file) throws IOException {
        caller.requireUnscoped("upload files");
        if (file == null) {
            throw ApiProblem.invalidField("file", "Send one file as multipart/form-data in a part named 'file'.");
        }
        String name = file.getOriginalFilename();
        if (name != null && name.length() > MAX_FILE_NAME) {
            // Tomcat refuses such a part before it gets here (its part headers may have 512 bytes); Jetty does not.
            throw ApiProblem.badRequest("file_name_too_long", "The file name is too long (" + name.length() + " characters; at most "
                    + MAX_FILE_NAME + "). Rename the file to a shorter name and upload it again.");
        }
        if (file.isEmpty()) {
            throw ApiProblem.invalidField("file", "The file '" + file.getOriginalFilename() + "' is empty; choose a file with content.");
        }
        Upload u;
        try (InputStream in = file.getInputStream()) {
            u = uploads.save(caller.accountId(), caller.userId(), file.getOriginalFilename(), file.getContentType(), in);
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(new UploadView(u.id(), u.filename(), u.contentType(), u.sizeBytes(), u.expiresAt()));
    }

    /** What the client passes on as {@code params.upload_id}. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record UploadView(String uploadId, String filename, String contentType, long sizeBytes, Instant expiresAt) {
    }
}
